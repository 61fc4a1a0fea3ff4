@area:event-queue @ch4
Feature: Poll timeouts
  A poll without a timeout waits until something is ready. A timeout of 0 only looks. A timeout of
  T ms waits until something is ready or T ms have passed; running out of time is an ordinary
  result with zero events, not an error. Times are compared with each other or with the timeout,
  never with a fixed speed.

  Background:
    Given a poll instance
    And an events collection of capacity 8
    And a source "A" registered with token 1 for readable

  @EQ-17 @id:eq.without-a-timeout-poll-waits-until-a-source-is-ready @alias:eq.without-a-timeout-poll-waits-until-a-source
  Scenario: Without a timeout, poll waits until a source is ready
    When peer "A" sends "hello" after 150 ms
    And I poll with no timeout
    Then the poll returns exactly 1 event
    And the poll reports token 1 readable

  @EQ-18 @id:eq.a-timeout-of-0-returns-at-once @timing
  Scenario: A timeout of 0 returns at once
    When I poll with a timeout of 0 ms
    Then the poll returns no events
    When I poll with a timeout of 300 ms
    Then the poll returns no events
    And the first poll took less than a third of the time of the second

  @EQ-18 @id:eq.a-timeout-of-0-still-reports-what-is-ready @alias:eq.a-timeout-of-0-still-reports-what-is
  Scenario: A timeout of 0 still reports what is ready
    When peer "A" sends "hello"
    And I poll with a timeout of 0 ms
    Then the poll reports token 1 readable

  @EQ-19 @id:eq.a-poll-whose-timeout-runs-out-succeeds-with-no-events @alias:eq.a-poll-whose-timeout-runs-out-succeeds-with @timing
  Scenario: A poll whose timeout runs out succeeds with no events, after about its timeout
    When I poll with a timeout of 0 ms
    And I poll with a timeout of 200 ms
    Then the poll returns no events
    And the poll lasted at least 90% of 200 ms
    And the poll lasted less than twice 200 ms plus three times the first poll

  @EQ-19 @id:eq.a-poll-with-a-timeout-returns-as-soon-as-a-source-is-ready @alias:eq.a-poll-with-a-timeout-returns-as-soon @timing
  Scenario: A poll with a timeout returns as soon as a source is ready
    When peer "A" sends "hello" after 100 ms
    And I poll with a timeout of 2000 ms
    Then the poll reports token 1 readable
    And the poll returned in less than half of 2000 ms
