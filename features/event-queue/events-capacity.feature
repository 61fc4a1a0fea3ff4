@area:event-queue @ch4
Feature: The events collection
  A poll fills an events collection of a fixed capacity: with every ready source it has room for, and
  never more; ready sources that did not fit are reported by later polls. After each poll the
  collection holds that poll's events only.

  Background:
    Given a poll instance
    And a source "A" registered with token 1 for readable
    And a source "B" registered with token 2 for readable
    And a source "C" registered with token 3 for readable

  @EQ-20 @id:eq.a-poll-returns-at-most-the-capacity-the-ready-sources-that-did-not-fit-come-next @alias:eq.a-poll-returns-at-most-the-capacity-the
  Scenario: A poll returns at most the capacity; the ready sources that did not fit come next
    Given an events collection of capacity 2
    When peer "A" sends "a"
    And peer "B" sends "b"
    And peer "C" sends "c"
    And I poll with a timeout of 1000 ms
    Then the poll returns exactly 2 events
    When I read every source the poll reported until it would block
    And I poll with a timeout of 1000 ms
    Then the poll returns exactly 1 event
    And between them, the last two polls reported each of tokens 1, 2 and 3 exactly once

  # Edge-triggered sources are reported once per edge: one that did not fit and were dropped would
  # never come again, where a level-triggered one comes again anyway.
  @EQ-20 @requires:edge-triggered @id:eq.edge-triggered-sources-that-did-not-fit-come-in-the-next-poll
  Scenario: Edge-triggered sources that did not fit the capacity come in the next poll, unread data or not
    Given an events collection of capacity 2
    And a source "D" registered with token 4 for readable, edge-triggered
    And a source "E" registered with token 5 for readable, edge-triggered
    And a source "F" registered with token 6 for readable, edge-triggered
    When peer "D" sends "d"
    And peer "E" sends "e"
    And peer "F" sends "f"
    And I poll with a timeout of 1000 ms
    Then the poll returns exactly 2 events
    When I poll with a timeout of 1000 ms
    Then the poll returns exactly 1 event
    And between them, the last two polls reported each of tokens 4, 5 and 6 exactly once

  @EQ-32 @requires:argument-checks @id:eq.an-events-collection-of-capacity-0-is-rejected
  Scenario: An events collection of capacity 0 is rejected
    When I try to create an events collection of capacity 0
    Then it fails with InvalidArgument

  # The first poll has room for the three ready sources: that it reports all of them is EQ-20's.
  @EQ-21 @EQ-20 @id:eq.events-of-an-earlier-poll-do-not-stay
  Scenario: Events of an earlier poll do not stay in the collection
    Given an events collection of capacity 8
    When peer "A" sends "a"
    And peer "B" sends "b"
    And peer "C" sends "c"
    And I poll with a timeout of 1000 ms
    # EQ-20
    Then the poll returns exactly 3 events
    When I read source "A" until it would block
    And I read source "B" until it would block
    And I poll with a timeout of 1000 ms
    # EQ-21
    Then the poll returns exactly 1 event
    # EQ-21
    And the poll reports token 3 readable

  @EQ-21 @id:eq.a-poll-that-times-out-leaves-the-collection
  Scenario: A poll that times out leaves the collection empty
    Given an events collection of capacity 8
    When peer "A" sends "a"
    And I poll with a timeout of 1000 ms
    Then the poll reports token 1 readable
    When I read source "A" until it would block
    And I poll with a timeout of 100 ms
    Then the poll returns no events
