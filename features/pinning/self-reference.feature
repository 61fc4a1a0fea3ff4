@area:pinning @ch9
Feature: A pinned value keeps its self-reference
  The book's `MaybeSelfRef` (ch09/d-pin): a value with a field `a`, a raw pointer `b` that `init` points
  at the value's own `a`, and a plain field `label`. The adapter keeps values at real addresses; a
  write through `b` must land in the value's own `a` for as long as it is pinned.

  @PN-08 @id:pn.a-value-pinned-on-the-heap-sees-writes-through-its-self-reference
  Scenario: Pinned on the heap, a write of 2 through the self-reference makes a read 2 (the book prints 0, then 2)
    Given a value "x" pinned on the heap
    When value "x" is initialised
    Then the self-reference of "x" points at its own a
    And "x" reads a = 0
    When I write 2 through the self-reference of "x"
    Then "x" reads a = 2

  @PN-09 @requires:scoped-pinning @id:pn.a-value-pinned-in-a-scope-sees-writes-through-its-self-reference
  Scenario: Pinned in a scope, the self-reference works as on the heap (the book's stack pinning prints 0, then 2)
    Given a value "x" pinned in a scope
    When value "x" is initialised
    Then the self-reference of "x" points at its own a
    And "x" reads a = 0
    When I write 2 through the self-reference of "x"
    Then "x" reads a = 2

  @PN-09 @requires:scoped-pinning @id:pn.a-value-pinned-in-a-scope-cannot-be-moved-while-the-scope-lasts
  Scenario: While its scope lasts, a scoped pin refuses a move as a heap pin does
    Given a value "x" pinned in a scope
    And value "x" is initialised
    When I try to move value "x"
    Then the attempt fails with MoveRefused
    And "x" is still where it was created
    And the self-reference of "x" points at its own a

  @PN-13 @id:pn.a-pinned-values-memory-is-not-reused-before-it-is-dropped
  Scenario: No value created or moved while a value is pinned takes its place
    Given a value "x" pinned on the heap
    And value "x" is initialised
    When 20 values not pinned are created, moved and dropped one after the other
    Then none of them overlapped "x"
    And the self-reference of "x" points at its own a
    When I write 5 through the self-reference of "x"
    Then "x" reads a = 5
