@area:event-queue @ch4
Feature: Wakers
  A waker is bound to a poll instance and has a token. Waking it, from any thread, makes a poll of
  that instance return with an event carrying the waker's token, even a poll without a timeout.

  Background:
    Given a poll instance
    And an events collection of capacity 8
    And a waker with token 99

  @EQ-24 @requires:event-queue-waker @id:eq.a-wake-from-another-thread-ends-a-poll
  Scenario: A wake from another thread ends a poll without a timeout
    When I poll with no timeout while another thread wakes the waker after 100 ms
    Then the poll returns exactly 1 event
    And the poll reports token 99

  @EQ-24 @requires:event-queue-waker @id:eq.the-wake-is-told-apart-from-the-sources
  Scenario: The wake is told apart from the sources by its token
    Given a source "A" registered with token 1 for readable
    When I poll with no timeout while another thread wakes the waker after 100 ms
    Then the poll reports only token 99

  @EQ-25 @requires:event-queue-waker @id:eq.a-wake-before-the-poll-is-not-lost
  Scenario: A wake before the poll is not lost
    When I wake the waker
    And I poll with a timeout of 1000 ms
    Then the poll reports token 99

  @EQ-25 @requires:event-queue-waker @id:eq.a-wake-is-reported-once
  Scenario: A wake is reported once
    When I wake the waker
    And I poll with a timeout of 1000 ms
    Then the poll reports token 99
    When I poll with a timeout of 100 ms
    Then the poll returns no events

  @EQ-25 @requires:event-queue-waker @id:eq.a-waker-wakes-again-after-its-wake-was-reported @alias:eq.a-waker-wakes-again-after-its-wake-was
  Scenario: A waker wakes again after its wake was reported
    When I wake the waker
    And I poll with a timeout of 1000 ms
    Then the poll reports token 99
    When I wake the waker
    And I poll with a timeout of 1000 ms
    Then the poll reports token 99
