@area:event-queue @ch4
Feature: Readiness: readable, end of stream, writable
  A source is readable when its peer has sent data or has closed the connection, and writable while
  it has room to send. A poll reports only the readiness a source was registered for.

  Background:
    Given a poll instance
    And an events collection of capacity 8

  @EQ-05 @id:eq.data-from-the-peer-makes-the-source-readable
  Scenario: Data from the peer makes the source readable
    Given a source "A" registered with token 1 for readable
    When peer "A" sends "hello"
    And I poll with a timeout of 1000 ms
    Then the poll returns exactly 1 event
    And the poll reports token 1 readable
    When I read from source "A"
    Then the read returns "hello"

  @EQ-06 @id:eq.the-peer-closing-makes-the-source-readable-and-the-read-reports-end-of-stream @alias:eq.the-peer-closing-makes-the-source-readable-and
  Scenario: The peer closing makes the source readable, and the read reports end of stream
    Given a source "A" registered with token 1 for readable
    When peer "A" closes the connection
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I read from source "A"
    Then the read reports end of stream

  @EQ-06 @id:eq.data-sent-before-closing-is-read-before-the-end-of-stream @alias:eq.data-sent-before-closing-is-read-before-the
  Scenario: Data sent before closing is read before the end of stream
    Given a source "A" registered with token 1 for readable
    When peer "A" sends "bye"
    And peer "A" closes the connection
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I read from source "A"
    Then the read returns "bye"
    When I read from source "A"
    Then the read reports end of stream

  @EQ-07 @id:eq.a-connected-source-with-room-to-send-is-writable @alias:eq.a-connected-source-with-room-to-send-is
  Scenario: A connected source with room to send is writable
    Given a source "A" registered with token 1 for writable
    When I poll with a timeout of 1000 ms
    Then the poll reports token 1 writable

  @EQ-07 @id:eq.a-source-registered-for-both-interests-is-reported
  Scenario: A source registered for both interests is reported with both
    Given a source "A" registered with token 1 for readable and writable
    When peer "A" sends "hello"
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable and writable

  @EQ-08 @id:eq.a-source-registered-for-readable-is-not-reported
  Scenario: A source registered for readable is not reported while there is nothing to read
    Given a source "A" registered with token 1 for readable
    When I poll with a timeout of 100 ms
    Then the poll returns no events

  @EQ-08 @id:eq.a-source-registered-for-writable-is-not-reported
  Scenario: A source registered for writable is not reported readable
    Given a source "A" registered with token 1 for writable
    When peer "A" sends "hello"
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 writable
    And the poll does not report token 1 readable

  @EQ-22 @id:eq.a-drained-source-reports-wouldblock-and-stays-usable
  Scenario: A drained source reports WouldBlock, and stays usable
    Given a source "A" registered with token 1 for readable
    When peer "A" sends "first"
    And I poll with a timeout of 1000 ms
    And I read from source "A"
    Then the read returns "first"
    When I try to read from source "A"
    Then it fails with WouldBlock
    When peer "A" sends "second"
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I read from source "A"
    Then the read returns "second"

  @EQ-22 @id:eq.a-source-whose-peer-has-sent-nothing-yet
  Scenario: A source whose peer has sent nothing yet reports WouldBlock, not end of stream
    Given a source "A" connected to a peer
    When I try to read from source "A"
    Then it fails with WouldBlock
