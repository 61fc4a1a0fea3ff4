@area:event-queue @ch4
Feature: Trigger modes: level-triggered, edge-triggered, oneshot
  Level-triggered (the default) reports a source on every poll for as long as it is ready.
  Edge-triggered reports it once each time it becomes ready, so the program must read until
  WouldBlock. Oneshot reports it once, then stays silent until the source is reregistered.

  Background:
    Given a poll instance
    And an events collection of capacity 8

  @EQ-09 @id:eq.a-level-triggered-source-is-reported-again-while-its-data-is-unread @alias:eq.a-level-triggered-source-is-reported-again-while
  Scenario: A level-triggered source is reported again while its data is unread
    Given a source "A" registered with token 1 for readable
    When peer "A" sends "hello"
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I read source "A" until it would block
    And I poll with a timeout of 100 ms
    Then the poll returns no events

  @EQ-09 @id:eq.end-of-stream-stays-readable-level-triggered
  Scenario: End of stream stays readable, level-triggered
    Given a source "A" registered with token 1 for readable
    When peer "A" closes the connection
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I read from source "A"
    Then the read reports end of stream
    When I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable

  @EQ-10 @requires:edge-triggered @id:eq.an-edge-triggered-source-is-reported-once-for-each-arrival-of-data @alias:eq.an-edge-triggered-source-is-reported-once-for
  Scenario: An edge-triggered source is reported once for each arrival of data
    Given a source "A" registered with token 1 for readable, edge-triggered
    When peer "A" sends "hello"
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I poll with a timeout of 100 ms
    Then the poll returns no events
    When peer "A" sends "more"
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable

  @EQ-10 @requires:edge-triggered @id:eq.end-of-stream-is-reported-once-edge-triggered
  Scenario: End of stream is reported once, edge-triggered
    Given a source "A" registered with token 1 for readable, edge-triggered
    When peer "A" closes the connection
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I poll with a timeout of 100 ms
    Then the poll returns no events

  @EQ-11 @requires:oneshot @requires:reregister @id:eq.a-oneshot-source-is-reported-once-until-it-is-re-armed @alias:eq.a-oneshot-source-is-reported-once-until-it
  Scenario: A oneshot source is reported once, until it is re-armed
    Given a source "A" registered with token 1 for readable, oneshot
    When peer "A" sends "hello"
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When peer "A" sends "more"
    And I poll with a timeout of 100 ms
    Then the poll returns no events
    When I reregister source "A" with token 1 for readable, oneshot
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I poll with a timeout of 100 ms
    Then the poll returns no events
