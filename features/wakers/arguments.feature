@area:wakers @ch8
Feature: Unknown wakers and handles, malformed programs and negative delays
  Requests of the wakers area that name what the adapter does not hold, or that break the protocol,
  are refused with the protocol's kinds (protocol.md §2.1, §7.2, §10), before anything of them runs.

  @WK-21 @id:wk.waking-a-name-no-program-kept-fails-with-badrequest
  Scenario: Calling a waker no program kept fails with BadRequest
    # WK-21.1
    Then calling waker nobody fails with BadRequest

  @WK-21 @id:wk.a-child-named-before-its-create-is-refused-by-block-on-and-nothing-runs
  Scenario: A program that waits on a child before creating it is refused by block_on, and nothing of it runs
    Given the reactor is running
    When the executor tries to run this program:
      """
      log "started"
      wait for http "/200/early"
      wait for child c
      create child c:
        return "c"
      """
    # WK-21.2
    Then starting the run failed with BadRequest
    # WK-21.2
    And the delay server has received no request

  @WK-21 @id:wk.a-child-spawned-and-then-waited-on-is-refused-by-block-on
  Scenario: A program that waits on a child it already handed over is refused by block_on
    Given the reactor is running
    When the executor tries to run this program:
      """
      wait for http "/200/early"
      create child c:
        return "c"
      join all c into all
      join all c into again
      """
    # WK-21.2
    Then starting the run failed with BadRequest
    # WK-21.2
    And the delay server has received no request

  @WK-21 @id:wk.handles-never-issued-fail-with-unknownhandle
  Scenario: A run or a parker the adapter never issued fails with UnknownHandle
    # WK-21.3
    Then waiting for a run the adapter never issued fails with UnknownHandle
    # WK-21.3
    And unparking a parker the adapter never issued fails with UnknownHandle
    # WK-21.3
    And parking on a parker the adapter never issued fails with UnknownHandle

  @WK-21 @id:wk.negative-delays-are-badrequest
  Scenario: A negative unpark delay or wait timeout is refused with BadRequest
    Given a parker
    # WK-21.4
    Then parking on the parker with an unpark after -1 ms fails with BadRequest
    When the executor runs this program:
      """
      wait for leaf A
      """
    # WK-21.4
    Then waiting for the run with a timeout of -1 ms fails with BadRequest

  @WK-18 @id:wk.a-park-on-an-earlier-permit-leaves-no-stray-permit
  Scenario: A park that returned on an earlier permit cancels its own unparker, and the next park waits
    Given a parker
    When I unpark the parker
    And I park on the parker while another thread unparks it after 200 ms
    And I park on the parker while another thread unparks it after 1000 ms
    Then the park lasted at least 80% of 1000 ms
