@area:coroutines @ch7
Feature: join_all waits on several children at once
  As the book's `join_all`: each poll polls every child that is not finished yet, once, and the
  whole is Ready when the last child is. The children may be polled in any order within a poll.
  Beyond the book (capability joined-values), its value is the children's values joined by commas
  in the order the children were given; the book's `join_all` is Ready with an empty string.

  @CO-09 @CO-10 @id:co.join-all-polls-unfinished-children-once @timing
  Scenario: Each poll polls the unfinished children once and skips the finished ones
    Given a coroutine with this program:
      """
      create child a:
        wait for leaf A into x
        return "a={x}"
      create child b:
        wait for leaf B into x
        return "b={x}"
      create child c:
        wait for leaf C into x
        return "c={x}"
      join all a, b and c
      return "all three done"
      """
    When I poll the coroutine
    # CO-10
    Then the coroutine is Pending
    # CO-09
    And the poll's trace is, in any order:
      """
      leaf A started
      leaf A polled: pending
      leaf B started
      leaf B polled: pending
      leaf C started
      leaf C polled: pending
      """
    When leaf B becomes ready with "2"
    And I poll the coroutine
    # CO-10
    Then the coroutine is Pending
    # CO-09
    And the poll's trace is, in any order:
      """
      leaf A polled: pending
      leaf B polled: ready
      leaf C polled: pending
      """
    When leaf A becomes ready with "1"
    And I poll the coroutine
    # CO-10
    Then the coroutine is Pending
    # CO-09
    And the poll's trace is, in any order:
      """
      leaf A polled: ready
      leaf C polled: pending
      """
    When I poll the coroutine
    # CO-10
    Then the coroutine is Pending
    # CO-09
    And the poll's trace is:
      """
      leaf C polled: pending
      """
    When leaf C becomes ready with "3"
    And I poll the coroutine
    # CO-10
    Then the coroutine is Ready with "all three done"
    # CO-09
    And the poll's trace is:
      """
      leaf C polled: ready
      """

  @CO-10 @id:co.join-all-of-ready-children-in-one-poll
  Scenario: join_all of children that need no wait is Ready in the same poll
    Given a coroutine with this program:
      """
      create child one:
        return "1"
      create child two:
        return "2"
      join all one and two
      return "both done"
      """
    When I poll the coroutine
    Then the coroutine is Ready with "both done"

  @CO-10 @id:co.join-all-of-no-children-is-ready-at-once
  Scenario: join_all of no children is Ready at once, with the empty string
    Given a coroutine with this program:
      """
      join all into nothing
      return "joined '{nothing}'"
      """
    When I poll the coroutine
    Then the coroutine is Ready with "joined ''"

  @CO-19 @requires:joined-values @id:co.join-all-value-is-the-childrens-values-in-the-order-given @timing
  Scenario: join_all's value is the children's values in the order given, whatever order they finished in
    Given a coroutine with this program:
      """
      create child a:
        wait for leaf A into x
        return "a={x}"
      create child b:
        wait for leaf B into x
        return "b={x}"
      create child c:
        return "c=3"
      join all a, b and c into all
      return "{all}"
      """
    When I poll the coroutine
    Then the coroutine is Pending
    When leaf B becomes ready with "2"
    And I poll the coroutine
    Then the coroutine is Pending
    When leaf A becomes ready with "1"
    And I poll the coroutine
    Then the coroutine is Ready with "a=1,b=2,c=3"
