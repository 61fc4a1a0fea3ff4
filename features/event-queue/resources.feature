@area:event-queue @ch4
Feature: Releasing OS handles
  A poll instance owns OS handles: its epoll instance, and an eventfd for each of its wakers. The
  runner counts the adapter's open handles itself (in /proc, for the adapter and its child
  processes), so no adapter reports on its own leaks.

  @EQ-26 @id:eq.closing-poll-instances-releases-their-os-handles
  Scenario: Closing poll instances releases their OS handles
    Given a poll instance has been created and closed once, so one-time start-up costs are paid
    And I have counted the adapter's open OS handles
    When I create 20 poll instances
    Then the adapter has at least 20 more open OS handles than before
    When I close those poll instances
    Then the adapter has no more open OS handles than before

  @EQ-33 @requires:event-queue-waker @id:eq.closing-poll-instances-releases-their-os-handles-their-wakers-included @alias:eq.closing-poll-instances-releases-their-os-handles-their
  Scenario: Closing poll instances releases their OS handles, their wakers' included
    Given a poll instance with a waker has been created and closed once, so one-time start-up costs are paid
    And I have counted the adapter's open OS handles
    When I create 20 poll instances, each with a waker
    Then the adapter has at least 40 more open OS handles than before
    When I close those poll instances
    Then the adapter has no more open OS handles than before
