@area:fibers @ch5
Feature: Slots and fiber ids
  A runtime has a fixed number of slots, and the base context is slot 0, so a runtime with N slots
  holds N - 1 fibers at once (the default 4 slots hold 3). A fiber's id is its slot's index; a spawn
  takes the lowest free slot, and a finished fiber's slot is free for the next spawn. A failing
  instruction, such as a spawn with no free slot, ends the program of the fiber that ran it with an
  error entry in the trace; the other fibers go on.

  @FB-01 @FB-02 @id:fb.default-runtime-holds-three-fibers
  Scenario: The default runtime holds three fibers; a fourth spawn fails before any fiber runs
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        log "fiber {id} runs"
      spawn:
        log "fiber {id} runs"
      spawn:
        log "fiber {id} runs"
      spawn:
        log "a fourth fiber runs"
      log "not logged: the failed spawn ended the base context's program"
      """
    # FB-01, FB-02
    Then the trace is:
      | fiber | event    | detail       |
      | 0     | spawned  | 1            |
      | 0     | spawned  | 2            |
      | 0     | spawned  | 3            |
      | 0     | error    | NoFreeSlot   |
      | 1     | log      | fiber 1 runs |
      | 1     | finished |              |
      | 2     | log      | fiber 2 runs |
      | 2     | finished |              |
      | 3     | log      | fiber 3 runs |
      | 3     | finished |              |

  @FB-23 @requires:configurable-slots @id:fb.runtime-holds-slots-minus-one-fibers
  Scenario Outline: A runtime with <slots> slots has room for the base context and <fibers> more
    Given a fiber runtime with <slots> slots
    When the base context runs:
      """
      for n in 0..<fibers>:
        spawn:
          log "fiber {id} runs"
      spawn:
        log "one fiber too many runs"
      """
    # FB-23.1
    Then the base context spawned fibers 1 to <fibers>, in that order
    # FB-23.1
    And only fiber 0 failed, with NoFreeSlot
    # FB-23.1
    And fibers 1 to <fibers> finished, in that order

    Examples:
      | slots | fibers |
      | 2     | 1      |
      | 3     | 2      |
      | 8     | 7      |

  @FB-09 @FB-12 @id:fb.freed-slot-takes-the-next-spawn
  Scenario: A finished fiber's slot takes the next spawn, and each spawned program runs once
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        log "the first program, in fiber {id}"
      yield
      spawn:
        log "the second program, in fiber {id}"
      yield
      spawn:
        log "the third program, in fiber {id}"
      yield
      spawn:
        log "the fourth program, in fiber {id}"
      """
    # FB-09, FB-12
    Then the trace is:
      | fiber | event    | detail                         |
      | 0     | spawned  | 1                              |
      | 1     | log      | the first program, in fiber 1  |
      | 1     | finished |                                |
      | 0     | spawned  | 1                              |
      | 1     | log      | the second program, in fiber 1 |
      | 1     | finished |                                |
      | 0     | spawned  | 1                              |
      | 1     | log      | the third program, in fiber 1  |
      | 1     | finished |                                |
      | 0     | spawned  | 1                              |
      | 1     | log      | the fourth program, in fiber 1 |
      | 1     | finished |                                |

  @FB-14 @id:fb.ids-are-slot-indices
  Scenario: Ids are slot indices: the base context is 0, and a spawn takes the lowest free slot
    Given a fiber runtime
    When the base context runs:
      """
      log "the base context is fiber {id}"
      spawn:
        log "the first spawn is fiber {id}"
      spawn:
        log "the second spawn is fiber {id}"
        yield
        log "fiber {id} is back"
      yield
      spawn:
        log "the third spawn is fiber {id}"
      spawn:
        log "the fourth spawn is fiber {id}"
      """
    Then the trace is:
      | fiber | event    | detail                      |
      | 0     | log      | the base context is fiber 0 |
      | 0     | spawned  | 1                           |
      | 0     | spawned  | 2                           |
      | 1     | log      | the first spawn is fiber 1  |
      | 1     | finished |                             |
      | 2     | log      | the second spawn is fiber 2 |
      | 0     | spawned  | 1                           |
      | 0     | spawned  | 3                           |
      | 1     | log      | the third spawn is fiber 1  |
      | 1     | finished |                             |
      | 2     | log      | fiber 2 is back             |
      | 2     | finished |                             |
      | 3     | log      | the fourth spawn is fiber 3 |
      | 3     | finished |                             |

  @FB-15 @id:fb.slot-0-stays-the-base-contexts
  Scenario: Slot 0 stays the base context's after its program is done
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        log "fiber {id} spawns while the base context waits in run"
        spawn:
          log "not logged: slot 0 is not free"
      spawn:
        log "fiber {id} runs"
      spawn:
        log "fiber {id} runs"
      """
    Then the trace is:
      | fiber | event    | detail                                             |
      | 0     | spawned  | 1                                                  |
      | 0     | spawned  | 2                                                  |
      | 0     | spawned  | 3                                                  |
      | 1     | log      | fiber 1 spawns while the base context waits in run |
      | 1     | error    | NoFreeSlot                                         |
      | 1     | finished |                                                    |
      | 2     | log      | fiber 2 runs                                       |
      | 2     | finished |                                                    |
      | 3     | log      | fiber 3 runs                                       |
      | 3     | finished |                                                    |
