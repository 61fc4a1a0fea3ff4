@area:pinning @ch9
Feature: Moves, swaps and the pin that forbids them
  A move copies a value's bytes to a new place and leaves a stale copy behind, like the stack slot a
  Rust value was moved out of; nothing fixes up the raw pointer inside. A pinned value that is not
  movable refuses to be moved, swapped or replaced, except through the explicit escape hatch.

  @PN-05 @id:pn.a-move-breaks-an-unpinned-self-reference-and-is-refused-for-a-pinned-one
  Scenario: The same move breaks a value that is not pinned and is refused for one pinned on the heap
    Given a value "loose" not pinned
    And value "loose" is initialised
    And a value "pinned" pinned on the heap
    And value "pinned" is initialised
    When I move value "loose"
    Then "loose" is no longer where it was created
    And the self-reference of "loose" points at its old place
    When I write 7 through the self-reference of "loose"
    Then "loose" reads a = 0
    When I try to move value "pinned"
    Then the attempt fails with MoveRefused
    And "pinned" is still where it was created
    When I write 7 through the self-reference of "pinned"
    Then "pinned" reads a = 7

  @PN-05 @id:pn.a-pinned-value-that-is-not-movable-cannot-be-swapped
  Scenario: A swap with a pinned value that is not movable is refused, and both stay as they were
    Given a value "x" pinned on the heap
    And value "x" is initialised
    And a value "y" not pinned
    When I try to swap "y" and "x"
    Then the attempt fails with MoveRefused
    And the self-reference of "x" points at its own a
    And "y" has no self-reference

  @PN-05 @id:pn.the-escape-hatch-moves-a-pinned-value-and-breaks-it
  Scenario: The explicit escape hatch moves a pinned value, and the move breaks its self-reference
    Given a value "x" pinned on the heap
    And value "x" is initialised
    When I move value "x" through the escape hatch
    Then "x" is no longer where it was created
    And the self-reference of "x" points at its old place

  @PN-07 @id:pn.a-movable-value-moves-and-swaps-freely-through-a-pin
  Scenario: A pinned value that is movable is moved and swapped, and keeps its fields
    Given a movable value "x" pinned on the heap
    And a movable value "y" pinned on the heap
    When I replace field label of "x" with 3
    And I move value "x"
    Then "x" is no longer where it was created
    And "x" has label 3
    When I swap "x" and "y"
    Then "y" has label 3
    And "x" has label 0

  @PN-10 @id:pn.a-move-of-an-unpinned-value-copies-its-bytes-and-fixes-up-nothing
  Scenario: A value that is not pinned is moved byte for byte: its self-reference still points at the old place
    Given a value "x" not pinned
    And value "x" is initialised
    When I write 4 through the self-reference of "x"
    And I move value "x"
    Then "x" is no longer where it was created
    And "x" reads a = 4
    And the self-reference of "x" points at its old place
    When I write 8 through the self-reference of "x"
    Then "x" reads a = 4

  @PN-10 @requires:scoped-pinning @id:pn.after-the-scope-a-swap-leaves-one-pointer-pointing-into-the-other-value
  Scenario: The book's swap experiment: after the pin's scope, y's self-reference points into x
    Given a value "x" pinned in a scope
    And a value "y" not pinned
    When value "x" is initialised
    And I write 2 through the self-reference of "x"
    And the scope of the pin of "x" ends
    And I swap "x" and "y"
    Then "x" has no self-reference
    And the self-reference of "y" points at the a of "x"
    And "y" reads a = 2

  @PN-11 @id:pn.pin-projection-refuses-the-pinned-part-and-allows-the-plain-field
  Scenario: Through the pin, the self-referential part cannot be replaced and the plain field can
    Given a value "x" pinned on the heap
    And value "x" is initialised
    When I try to replace field inner of "x" with 9
    Then the attempt fails with MoveRefused
    And the self-reference of "x" points at its own a
    When I replace field label of "x" with 9
    Then "x" has label 9
