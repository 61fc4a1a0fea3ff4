@area:event-queue @ch4
Feature: The chapter's demonstration: many requests, one thread, one event queue
  As in ch04/a-epoll: the adapter sends requests with different delays to the delay server, each on
  its own source registered edge-triggered under its own token, then one thread polls and reads until
  every response has ended, counting each end once, without deregistering (a-epoll has no deregister). The requests wait at the server at the same time, so the responses arrive
  shortest delay first and the whole takes about the longest delay, not the sum of them.

  Background:
    Given a poll instance
    And an events collection of capacity 8

  @EQ-27 @requires:edge-triggered @id:eq.requests-wait-concurrently-and-complete-in-readiness-order @timing
  Scenario: Requests wait concurrently and complete in readiness order
    Given the runner's delay server is running
    When the adapter sends these requests to the delay server, each on its own source registered for readable, edge-triggered, under its token:
      | token | delay | message   |
      | 0     | 900   | request-0 |
      | 1     | 700   | request-1 |
      | 2     | 500   | request-2 |
      | 3     | 300   | request-3 |
      | 4     | 100   | request-4 |
    And I poll and read until every response has reached end of stream
    Then the responses completed in the order of tokens 4, 3, 2, 1, 0
    And every response has status "HTTP/1.1 200 OK" and its message as the body
    And the whole exchange took at least the longest delay but less than 60% of the sum of the delays
