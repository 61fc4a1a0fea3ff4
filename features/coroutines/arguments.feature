@area:coroutines @ch7
Feature: Malformed programs, unknown handles and instructions without an executor
  A program is checked whole when `co.create` receives it, before any of it runs: a child named
  before its `create`, or after a `wait` or `join_all` took it over, makes the program malformed
  (protocol.md §10). Requests that name what the adapter does not hold get the protocol's kinds.

  @CO-20 @id:co.a-child-named-before-its-create-is-refused-and-nothing-runs
  Scenario: A program that waits on a child before creating it is refused with BadRequest, and nothing of it runs
    When I try to create a coroutine with this program:
      """
      log "started"
      wait for http "/200/early"
      wait for child c
      create child c:
        return "c"
      """
    # CO-20.1
    Then creating the coroutine failed with BadRequest
    # CO-20.1
    And the delay server has received no request

  @CO-20 @id:co.a-child-named-after-it-was-handed-over-is-refused-and-nothing-runs
  Scenario: A program that waits on a child a second time is refused with BadRequest, and nothing of it runs
    When I try to create a coroutine with this program:
      """
      wait for http "/200/early"
      create child c:
        return "c"
      wait for child c
      wait for child c
      """
    # CO-20.2
    Then creating the coroutine failed with BadRequest
    # CO-20.2
    And the delay server has received no request

  @CO-20 @id:co.a-child-joined-and-then-waited-on-is-refused
  Scenario: A program that waits on a child join_all already took over is refused with BadRequest
    When I try to create a coroutine with this program:
      """
      create child c:
        return "c"
      join all c into all
      wait for child c
      """
    # CO-20.2
    Then creating the coroutine failed with BadRequest

  @CO-20 @id:co.polling-a-handle-never-issued-fails-with-unknownhandle
  Scenario: Polling a coroutine handle the adapter never issued fails with UnknownHandle
    # CO-20.3
    Then polling a coroutine handle the adapter never issued fails with UnknownHandle

  @CO-20 @id:co.spawn-without-an-executor-fails-with-notinitialised
  Scenario: A spawn in chapter 7, which has no executor, fails the poll with NotInitialised
    Given a coroutine with this program:
      """
      create child c:
        return "c"
      spawn c
      """
    # CO-20.4
    Then polling the coroutine fails with NotInitialised

  @CO-20 @id:co.keeping-a-waker-without-an-executor-fails-with-notinitialised
  Scenario: Keeping the task's waker in chapter 7, which has no tasks, fails the poll with NotInitialised
    Given a coroutine with this program:
      """
      keep the waker as w
      """
    # CO-20.4
    Then polling the coroutine fails with NotInitialised

  @CO-20 @id:co.yielding-without-an-executor-fails-with-notinitialised
  Scenario Outline: A yield in chapter 7, which has no executor, fails the poll with NotInitialised
    Given a coroutine with this program:
      """
      <yield>
      """
    # CO-20.4
    Then polling the coroutine fails with NotInitialised

    Examples:
      | yield                           |
      | yield now                       |
      | yield until the executor sleeps |
