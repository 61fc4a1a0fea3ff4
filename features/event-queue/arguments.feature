@area:event-queue @ch4
Feature: Malformed arguments and unknown handles
  A request whose args break protocol.md §5 fails with BadRequest, and one that names a handle the
  adapter never issued, or released, fails with UnknownHandle (protocol.md §2.1, §4). The requests are
  written out as JSON, since they break the schema on purpose; {poll}, {events} and {source A} stand
  for the handles the scenario got, {never issued} for one no adapter issues.

  Background:
    Given a poll instance
    And an events collection of capacity 8

  @EQ-34 @id:eq.a-token-outside-the-protocols-range-is-a-badrequest
  Scenario Outline: A token of <token>, outside 0 to 2^53 - 1, is a BadRequest
    Given a source "A" connected to a peer
    When I try to send eq.register with the args:
      """
      {"poll": {poll}, "source": {source A}, "token": <token>, "interests": ["readable"]}
      """
    # EQ-34.1
    Then it fails with BadRequest

    Examples:
      | token            |
      | 9007199254740992 |
      | -1               |

  # A source is ready, so that a poll which takes the missing timeout for "none" returns at once.
  @EQ-34 @id:eq.a-poll-without-timeout-ms-is-a-badrequest
  Scenario: A poll without timeout_ms is a BadRequest, not a poll without timeout
    Given a source "A" registered with token 1 for readable
    When peer "A" sends "hello"
    And I try to send eq.poll with the args:
      """
      {"poll": {poll}, "events": {events}}
      """
    # EQ-34.2
    Then it fails with BadRequest

  @EQ-34 @id:eq.an-unknown-interest-or-trigger-word-is-a-badrequest
  Scenario Outline: An unknown <word> is a BadRequest
    Given a source "A" connected to a peer
    When I try to send eq.register with the args:
      """
      {"poll": {poll}, "source": {source A}, "token": 1, <args>}
      """
    # EQ-34.3
    Then it fails with BadRequest

    Examples:
      | word     | args                                                    |
      | interest | "interests": ["readable", "urgent"]                     |
      | trigger  | "interests": ["readable"], "trigger": "sometimes"       |

  @EQ-34 @id:eq.a-handle-never-issued-is-an-unknownhandle
  Scenario: A source handle that was never issued is an UnknownHandle
    When I try to send eq.register with the args:
      """
      {"poll": {poll}, "source": {never issued}, "token": 1, "interests": ["readable"]}
      """
    # EQ-34.4
    Then it fails with UnknownHandle

  @EQ-34 @id:eq.a-handle-of-another-kind-is-an-unknownhandle
  Scenario: An events collection's handle given as the poll instance is an UnknownHandle
    When I try to send eq.poll with the args:
      """
      {"poll": {events}, "events": {events}, "timeout_ms": 0}
      """
    # EQ-34.4
    Then it fails with UnknownHandle

  @EQ-34 @id:eq.a-closed-poll-instances-handle-is-an-unknownhandle
  Scenario: A closed poll instance's handle is an UnknownHandle
    Given a second poll instance "Q"
    And poll instance "Q" has been closed
    When I try to send eq.poll with the args:
      """
      {"poll": {poll Q}, "events": {events}, "timeout_ms": 0}
      """
    # EQ-34.4
    Then it fails with UnknownHandle
