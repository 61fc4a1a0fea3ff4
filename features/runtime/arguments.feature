@area:runtime @ch10
Feature: Requests the runtime refuses
  A request that names a run or a leaf the adapter does not hold, or a way to wake that does not exist,
  gets the protocol's error kind, and the runtime goes on working.

  Background:
    Given the runtime is initialised

  @RT-16 @id:rt.requests-for-things-not-held-are-refused
  Scenario: Waiting for a run never issued, waking a leaf nobody waits on, or waking sideways is refused
    When block_on runs this program:
      """
      wait for leaf A into x
      log "got {x}"
      """
    And block_on has polled task 0 once
    # RT-16.1
    Then waiting for a block_on the adapter never issued fails with UnknownHandle
    # RT-16.2
    And making leaf Nobody ready, woken by value, fails with BadRequest
    # RT-16.3
    And making leaf A ready, woken "sideways", fails with BadRequest
    When leaf A is made ready with "a", woken by value
    # RT-16.3
    Then block_on logs "got a"
