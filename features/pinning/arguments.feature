@area:pinning @ch9
Feature: Dropped values, null and dangling pointers, scopes that are not there, and corner cases of swap
  The adapter refuses a request whose target is gone or was never there with the protocol's kind,
  instead of touching memory it does not own; protocol.md §10 answers the corner cases of `pn.swap`
  and `pn.replace_field`.

  @PN-14 @id:pn.a-dropped-value-is-an-unknown-handle
  Scenario: A value's handle is released by pn.drop: reading it afterwards fails with UnknownHandle
    Given a value "x" not pinned
    When I drop value "x"
    And I try to read value "x"
    # PN-14.1
    Then the attempt fails with UnknownHandle

  @PN-14 @id:pn.writing-through-a-null-self-reference-fails-with-invalidargument
  Scenario: Writing through the self-reference of a value that was never initialised fails with InvalidArgument
    Given a value "x" pinned on the heap
    When I try to write 2 through the self-reference of "x"
    # PN-14.2
    Then the attempt fails with InvalidArgument

  @PN-14 @id:pn.ending-a-scope-that-is-not-there-fails-and-keeps-the-heap-pin
  Scenario: Ending the scope of a value pinned on the heap fails with InvalidArgument, and the value stays pinned
    Given a value "x" pinned on the heap
    When I try to end the scope of the pin of "x"
    # PN-14.3
    Then the attempt fails with InvalidArgument
    When I try to move value "x"
    # PN-14.3
    Then the attempt fails with MoveRefused

  @PN-14 @id:pn.a-self-reference-into-a-moved-value-reads-its-stale-place-and-into-a-dropped-one-fails
  Scenario: A self-reference into another value reads its stale place after that value moved, and fails once it was dropped
    Given a value "x" not pinned
    And a value "y" not pinned
    When value "x" is initialised
    And I swap "x" and "y"
    And I write 5 through the self-reference of "y"
    And I move value "x"
    And I replace field inner of "x" with 9
    # PN-14.4
    Then the self-reference of "y" reads 5
    When I drop value "x"
    And I try to read value "y"
    # PN-14.4
    Then the attempt fails with InvalidArgument
    When I try to write 3 through the self-reference of "y"
    # PN-14.4
    Then the attempt fails with InvalidArgument

  @PN-14 @id:pn.a-value-swapped-with-itself-is-unchanged
  Scenario: A value swapped with itself stays as it was, and a pinned one that is not movable is refused
    Given a value "x" not pinned
    And value "x" is initialised
    And a value "pinned" pinned on the heap
    When I try to swap "x" and "x"
    # PN-14.5
    Then the attempt succeeds
    # PN-14.5
    And "x" is still where it was created
    # PN-14.5
    And the self-reference of "x" points at its own a
    When I try to swap "pinned" and "pinned"
    # PN-14.5
    Then the attempt fails with MoveRefused

  @PN-05 @id:pn.a-swap-of-a-movable-value-with-a-pinned-one-that-is-not-is-refused-in-either-order
  Scenario: A movable value and a pinned value that is not movable cannot be swapped, in either order
    Given a movable value "m" pinned on the heap
    And a value "p" pinned on the heap
    And value "p" is initialised
    When I replace field label of "m" with 4
    And I try to swap "m" and "p"
    Then the attempt fails with MoveRefused
    When I try to swap "p" and "m"
    Then the attempt fails with MoveRefused
    And the self-reference of "p" points at its own a
    And "m" has label 4
    And "m" is still where it was created

  @PN-11 @id:pn.replacing-the-inner-part-of-a-movable-value-is-done-in-place
  Scenario: Through the pin of a movable value the self-referential part is replaced in place
    Given a movable value "x" pinned on the heap
    And value "x" is initialised
    When I replace field label of "x" with 6
    And I replace field inner of "x" with 9
    Then "x" reads a = 9
    And "x" has no self-reference
    And "x" has label 6
    And "x" is still where it was created
