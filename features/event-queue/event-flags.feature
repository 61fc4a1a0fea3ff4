@area:event-queue @ch4
Feature: Closed and error flags of events
  Beyond readable and writable, an event says when the peer closed its side (read_closed), when
  nothing more can be sent (write_closed), and when an error is pending (error), as mio's Event does.
  A peer that resets the connection (RST instead of FIN) leaves the source with an error pending.

  Background:
    Given a poll instance
    And an events collection of capacity 8

  @EQ-35 @requires:event-flags @id:eq.a-peer-that-closes-is-reported-read-closed
  Scenario: A source whose peer closes the connection is reported read_closed
    Given a source "A" registered with token 1 for readable
    When peer "A" closes the connection
    And I poll with a timeout of 1000 ms
    # EQ-35.1
    Then the poll reports token 1 with read_closed

  @EQ-35 @requires:event-flags @id:eq.a-peer-that-resets-is-reported-with-error-and-write-closed
  Scenario: A source whose peer resets the connection is reported with error and write_closed
    Given a source "A" registered with token 1 for readable
    When peer "A" resets the connection
    And I poll with a timeout of 1000 ms
    # EQ-35.2
    Then the poll reports token 1 with error
    # EQ-35.2
    And the poll reports token 1 with write_closed
