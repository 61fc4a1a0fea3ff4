@area:fibers @ch5
Feature: Cooperative round-robin scheduling
  A spawn only makes a fiber ready. A yield passes control to the next ready context after the
  yielding one, in slot order, wrapping around after the last slot, and the base context takes its
  turn like any fiber; with nothing else ready, the yield returns at once. A fiber whose program
  ends frees its slot and hands control on. Nobody is preempted: control changes hands only at
  yields and ends. The runtime's run returns to its caller when nothing is ready.

  @FB-04 @id:fb.spawn-waits-for-the-base-context
  Scenario: A spawned fiber waits until the base context yields
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        log "fiber {id} runs"
      log "the base context goes on after the spawn"
      yield
      log "the base context is back"
      """
    Then the trace is:
      | fiber | event    | detail                                   |
      | 0     | spawned  | 1                                        |
      | 0     | log      | the base context goes on after the spawn |
      | 1     | log      | fiber 1 runs                             |
      | 1     | finished |                                          |
      | 0     | log      | the base context is back                 |

  @FB-04 @id:fb.spawn-waits-for-the-spawning-fiber
  Scenario: A fiber's spawn waits until the spawning fiber gives up control
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        spawn:
          log "fiber {id} runs"
        log "fiber {id} goes on after its spawn"
      """
    Then the trace is:
      | fiber | event    | detail                          |
      | 0     | spawned  | 1                               |
      | 1     | spawned  | 2                               |
      | 1     | log      | fiber 1 goes on after its spawn |
      | 1     | finished |                                 |
      | 2     | log      | fiber 2 runs                    |
      | 2     | finished |                                 |

  @FB-05 @id:fb.round-robin-includes-the-base-context
  Scenario: Yields pass control round robin, the base context included
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        for turn in 0..2:
          log "fiber {id}, turn {turn}"
          yield
      spawn:
        for turn in 0..2:
          log "fiber {id}, turn {turn}"
          yield
      spawn:
        for turn in 0..2:
          log "fiber {id}, turn {turn}"
          yield
      for turn in 0..2:
        log "the base context, turn {turn}"
        yield
      """
    Then the trace is:
      | fiber | event    | detail                   |
      | 0     | spawned  | 1                        |
      | 0     | spawned  | 2                        |
      | 0     | spawned  | 3                        |
      | 0     | log      | the base context, turn 0 |
      | 1     | log      | fiber 1, turn 0          |
      | 2     | log      | fiber 2, turn 0          |
      | 3     | log      | fiber 3, turn 0          |
      | 0     | log      | the base context, turn 1 |
      | 1     | log      | fiber 1, turn 1          |
      | 2     | log      | fiber 2, turn 1          |
      | 3     | log      | fiber 3, turn 1          |
      | 1     | finished |                          |
      | 2     | finished |                          |
      | 3     | finished |                          |

  # Fiber 3 spawns into slot 1 after fiber 2 became ready: slot order runs slot 1 first.
  @FB-05 @FB-08 @FB-13 @id:fb.rotation-follows-slot-order
  Scenario: The rotation follows slot order, so a fiber in a reused slot runs in that slot's turn
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        log "fiber {id} finishes at once"
      spawn:
        for turn in 0..2:
          log "fiber {id}, turn {turn}"
          yield
      spawn:
        log "fiber {id} spawns"
        spawn:
          log "fiber {id}, spawned into the freed slot, runs"
        yield
        log "fiber {id} is back"
      """
    # FB-05, FB-08, FB-13
    Then the trace is:
      | fiber | event    | detail                                     |
      | 0     | spawned  | 1                                          |
      | 0     | spawned  | 2                                          |
      | 0     | spawned  | 3                                          |
      | 1     | log      | fiber 1 finishes at once                   |
      | 1     | finished |                                            |
      | 2     | log      | fiber 2, turn 0                            |
      | 3     | log      | fiber 3 spawns                             |
      | 3     | spawned  | 1                                          |
      | 1     | log      | fiber 1, spawned into the freed slot, runs |
      | 1     | finished |                                            |
      | 2     | log      | fiber 2, turn 1                            |
      | 3     | log      | fiber 3 is back                            |
      | 3     | finished |                                            |
      | 2     | finished |                                            |

  @FB-06 @id:fb.lone-yield-returns-at-once
  Scenario: A yield with nothing else ready returns at once
    Given a fiber runtime
    When the base context runs:
      """
      log "before the yield"
      yield
      log "after the yield: nothing else was ready"
      """
    Then the trace is:
      | fiber | event | detail                                  |
      | 0     | log   | before the yield                        |
      | 0     | log   | after the yield: nothing else was ready |

  @FB-06 @FB-08 @id:fb.yield-after-the-last-fiber-returns
  Scenario: Once a fiber has finished, a yield returns at once and the fiber does not run again
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        log "fiber {id} runs once"
      yield
      log "the base context is back"
      yield
      log "nothing else was ready"
      """
    # FB-06, FB-08
    Then the trace is:
      | fiber | event    | detail                   |
      | 0     | spawned  | 1                        |
      | 1     | log      | fiber 1 runs once        |
      | 1     | finished |                          |
      | 0     | log      | the base context is back |
      | 0     | log      | nothing else was ready   |

  @FB-08 @id:fb.finish-hands-control-to-the-next-slot
  Scenario: When a fiber finishes, the next ready slot runs
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        log "fiber {id} finishes"
      spawn:
        log "fiber {id} runs next"
        yield
        log "fiber {id} is back"
      log "the base context's program is done"
      """
    Then the trace is:
      | fiber | event    | detail                             |
      | 0     | spawned  | 1                                  |
      | 0     | spawned  | 2                                  |
      | 0     | log      | the base context's program is done |
      | 1     | log      | fiber 1 finishes                   |
      | 1     | finished |                                    |
      | 2     | log      | fiber 2 runs next                  |
      | 2     | log      | fiber 2 is back                    |
      | 2     | finished |                                    |

  @FB-10 @requires:run-returns @id:fb.run-returns-and-runs-again
  Scenario: Run returns when nothing is ready, and the runtime runs again
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        log "first run: fiber {id}"
      """
    Then the trace is:
      | fiber | event    | detail             |
      | 0     | spawned  | 1                  |
      | 1     | log      | first run: fiber 1 |
      | 1     | finished |                    |
    When the base context runs:
      """
      spawn:
        log "second run: fiber {id}"
        yield
        log "second run: fiber {id} again"
      spawn:
        log "second run: fiber {id}"
      """
    Then the trace is:
      | fiber | event    | detail                    |
      | 0     | spawned  | 1                         |
      | 0     | spawned  | 2                         |
      | 1     | log      | second run: fiber 1       |
      | 2     | log      | second run: fiber 2       |
      | 2     | finished |                           |
      | 1     | log      | second run: fiber 1 again |
      | 1     | finished |                           |

  @FB-16 @id:fb.no-preemption
  Scenario: A fiber that works without yielding keeps control until it yields
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        log "fiber {id} starts working"
        spin 1000000 iterations
        log "fiber {id} is still running"
        yield
        log "fiber {id} is back"
      spawn:
        log "fiber {id} runs"
      """
    Then the trace is:
      | fiber | event    | detail                   |
      | 0     | spawned  | 1                        |
      | 0     | spawned  | 2                        |
      | 1     | log      | fiber 1 starts working   |
      | 1     | log      | fiber 1 is still running |
      | 2     | log      | fiber 2 runs             |
      | 2     | finished |                          |
      | 1     | log      | fiber 1 is back          |
      | 1     | finished |                          |
