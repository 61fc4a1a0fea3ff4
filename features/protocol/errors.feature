Feature: Requests the protocol forbids, handles that name nothing, ops not claimed
  Whatever areas an adapter claims, it answers what it cannot serve with an error reply of the right
  kind (spec/protocol.md §2.1, §4), and goes on serving. The lines below go out as they are written;
  a reply whose request's id could not be read carries the id null.

  @PR-06 @PR-08 @id:pr.a-line-that-is-not-json-gets-bad-request
  Scenario: A line that is not JSON gets BadRequest with the id null
    When I send this line, whose id cannot be read:
      """
      this is not JSON
      """
    # PR-06.1
    Then the reply is an error of kind BadRequest
    # PR-08
    And the adapter still answers reset

  @PR-06 @PR-08 @id:pr.a-json-value-that-is-not-an-object-gets-bad-request
  Scenario: A JSON value that is not an object gets BadRequest with the id null
    When I send this line, whose id cannot be read:
      """
      [1, "reset", {}]
      """
    # PR-06.2
    Then the reply is an error of kind BadRequest
    # PR-08
    And the adapter still answers reset

  @PR-06 @PR-08 @id:pr.a-request-without-an-id-gets-bad-request
  Scenario: A request without an id gets BadRequest with the id null
    When I send this line, whose id cannot be read:
      """
      {"op": "reset", "args": {}}
      """
    # PR-06.3
    Then the reply is an error of kind BadRequest
    # PR-08
    And the adapter still answers reset

  @PR-06 @PR-08 @id:pr.a-request-without-an-op-gets-bad-request-with-its-id
  Scenario: A request without an op gets BadRequest with its id
    When I send this line with id 9001:
      """
      {"id": 9001, "args": {}}
      """
    # PR-06.4
    Then the reply is an error of kind BadRequest
    # PR-08
    And the adapter still answers reset

  @PR-06 @PR-08 @id:pr.an-unknown-op-gets-bad-request-with-its-id
  Scenario: An op no version of the protocol defines gets BadRequest with its id
    When I send this line with id 9002:
      """
      {"id": 9002, "op": "teleport", "args": {}}
      """
    # PR-06.5
    Then the reply is an error of kind BadRequest
    # PR-08
    And the adapter still answers reset

  @PR-06 @PR-08 @id:pr.args-that-are-not-an-object-get-bad-request-with-its-id
  Scenario: Args that are not an object get BadRequest with the request's id
    When I send this line with id 9003:
      """
      {"id": 9003, "op": "reset", "args": "everything"}
      """
    # PR-06.6
    Then the reply is an error of kind BadRequest
    # PR-08
    And the adapter still answers reset

  @PR-16 @PR-08 @id:pr.a-handle-never-issued-gets-unknown-handle
  Scenario: A handle that was never issued gets UnknownHandle
    When I name a handle that was never issued
    # PR-16
    Then the reply is an error of kind UnknownHandle
    # PR-08
    And the adapter still answers reset

  @PR-10 @PR-08 @id:pr.an-op-of-an-area-not-claimed-gets-unsupported
  Scenario: An op of an area the adapter does not claim gets Unsupported
    When I send an op of an area the adapter does not claim
    # PR-10
    Then the reply is an error of kind Unsupported
    # PR-08
    And the adapter still answers reset
