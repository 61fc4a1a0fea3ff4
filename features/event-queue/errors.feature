@area:event-queue @ch4
Feature: Registration errors
  Mistakes in using the registry are reported as error kinds of the protocol (protocol.md §2.1),
  and a failed request changes nothing.

  Background:
    Given a poll instance
    And an events collection of capacity 8

  @EQ-03 @requires:argument-checks @id:eq.registering-with-no-interests-fails-with-invalidargument
  Scenario: Registering with no interests fails with InvalidArgument
    Given a source "A" connected to a peer
    When I try to register source "A" with token 1 for no interests
    Then it fails with InvalidArgument

  @EQ-03 @requires:argument-checks @requires:reregister @id:eq.reregistering-with-no-interests-fails-with-invalidargument-and-keeps-the-registration @alias:eq.reregistering-with-no-interests-fails-with-invalidargument-and
  Scenario: Reregistering with no interests fails with InvalidArgument and keeps the registration
    Given a source "A" registered with token 1 for readable
    When I try to reregister source "A" with token 2 for no interests
    Then it fails with InvalidArgument
    When peer "A" sends "hello"
    And I poll with a timeout of 1000 ms
    Then the poll reports only token 1

  @EQ-14 @id:eq.registering-a-source-twice-fails-with-alreadyregistered-and-keeps-the-first-registration @alias:eq.registering-a-source-twice-fails-with-alreadyregistered-and
  Scenario: Registering a source twice fails with AlreadyRegistered and keeps the first registration
    Given a source "A" registered with token 1 for readable
    When I try to register source "A" with token 2 for readable
    Then it fails with AlreadyRegistered
    When peer "A" sends "hello"
    And I poll with a timeout of 1000 ms
    Then the poll reports only token 1

  @EQ-15 @requires:deregister @id:eq.deregistering-a-source-that-was-never-registered-fails
  Scenario: Deregistering a source that was never registered fails with NotRegistered
    Given a source "A" connected to a peer
    When I try to deregister source "A"
    Then it fails with NotRegistered

  @EQ-12 @requires:reregister @id:eq.reregistering-a-source-that-was-never-registered-fails
  Scenario: Reregistering a source that was never registered fails with NotRegistered
    Given a source "A" connected to a peer
    When I try to reregister source "A" with token 1 for readable
    Then it fails with NotRegistered

  @EQ-15 @requires:deregister @id:eq.deregistering-twice-fails-with-notregistered-the-second-time
  Scenario: Deregistering twice fails with NotRegistered the second time
    Given a source "A" registered with token 1 for readable
    And I deregister source "A"
    When I try to deregister source "A"
    Then it fails with NotRegistered

  @EQ-15 @requires:deregister @id:eq.a-source-registered-with-one-poll-instance-is-not-registered-with-another @alias:eq.a-source-registered-with-one-poll-instance-is
  Scenario: A source registered with one poll instance is not registered with another
    Given a second poll instance "Q"
    And a source "A" registered with token 1 for readable
    When I try to deregister source "A" from "Q"
    Then it fails with NotRegistered

  @EQ-16 @id:eq.registering-a-closed-source-fails-with-invalidargument
  Scenario: Registering a closed source fails with InvalidArgument
    Given a source "A" connected to a peer
    And the adapter closes source "A"
    When I try to register source "A" with token 1 for readable
    Then it fails with InvalidArgument
