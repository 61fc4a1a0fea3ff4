@area:fibers @ch5
Feature: Stacks: locals across yields, call chains, exhaustion, scale
  Every fiber runs on a stack of its own, of the runtime's stack size (2 MiB unless the runtime is
  created with another). A fiber can yield from anywhere in a call chain; when it resumes, every
  local is as it left it. "let", "+=" and "check" work on the locals of the running fiber's
  program; a check that finds another value adds a check entry to the trace. "nested N frames
  deep" calls a function of the adapter's language recursively and runs its block at the bottom.

  @FB-07 @id:fb.locals-survive-yields
  Scenario: Locals survive yields, although the other fibers use the same names
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        let x = 100
        for i in 0..3:
          x += 1
          yield
          log "fiber {id}: i = {i}, x = {x}"
      spawn:
        let x = 200
        for i in 0..3:
          x += 1
          yield
          log "fiber {id}: i = {i}, x = {x}"
      let x = 7
      yield
      log "the base context: x = {x}"
      """
    Then the trace is:
      | fiber | event    | detail                  |
      | 0     | spawned  | 1                       |
      | 0     | spawned  | 2                       |
      | 0     | log      | the base context: x = 7 |
      | 1     | log      | fiber 1: i = 0, x = 101 |
      | 2     | log      | fiber 2: i = 0, x = 201 |
      | 1     | log      | fiber 1: i = 1, x = 102 |
      | 2     | log      | fiber 2: i = 1, x = 202 |
      | 1     | log      | fiber 1: i = 2, x = 103 |
      | 1     | finished |                         |
      | 2     | log      | fiber 2: i = 2, x = 203 |
      | 2     | finished |                         |

  @FB-03 @FB-07 @id:fb.locals-survive-deep-yields
  Scenario: Fibers yield from 50 frames deep and keep their locals, on the book's 2 MiB stacks
    Given a fiber runtime
    When the base context runs:
      """
      spawn:
        let x = 100
        nested 50 frames deep:
          for i in 0..3:
            yield
            x += 1
            log "fiber {id}, 50 frames deep: i = {i}, x = {x}"
        check x == 103
      spawn:
        let x = 200
        nested 50 frames deep:
          for i in 0..3:
            yield
            x += 1
            log "fiber {id}, 50 frames deep: i = {i}, x = {x}"
        check x == 203
      """
    # FB-03, FB-07
    Then the trace is:
      | fiber | event    | detail                                  |
      | 0     | spawned  | 1                                       |
      | 0     | spawned  | 2                                       |
      | 1     | log      | fiber 1, 50 frames deep: i = 0, x = 101 |
      | 2     | log      | fiber 2, 50 frames deep: i = 0, x = 201 |
      | 1     | log      | fiber 1, 50 frames deep: i = 1, x = 102 |
      | 2     | log      | fiber 2, 50 frames deep: i = 1, x = 202 |
      | 1     | log      | fiber 1, 50 frames deep: i = 2, x = 103 |
      | 1     | finished |                                         |
      | 2     | log      | fiber 2, 50 frames deep: i = 2, x = 203 |
      | 2     | finished |                                         |

  @FB-24 @requires:configurable-stack-size @id:fb.locals-survive-deep-yields-on-stacks-of-a-configured-size
  Scenario: Fibers yield from 50 frames deep and keep their locals, on stacks of 256 KiB
    Given a fiber runtime with stacks of 256 KiB
    When the base context runs:
      """
      spawn:
        let x = 100
        nested 50 frames deep:
          for i in 0..3:
            yield
            x += 1
            log "fiber {id}, 50 frames deep: i = {i}, x = {x}"
        check x == 103
      spawn:
        let x = 200
        nested 50 frames deep:
          for i in 0..3:
            yield
            x += 1
            log "fiber {id}, 50 frames deep: i = {i}, x = {x}"
        check x == 203
      """
    # FB-24.1
    Then the trace is:
      | fiber | event    | detail                                  |
      | 0     | spawned  | 1                                       |
      | 0     | spawned  | 2                                       |
      | 1     | log      | fiber 1, 50 frames deep: i = 0, x = 101 |
      | 2     | log      | fiber 2, 50 frames deep: i = 0, x = 201 |
      | 1     | log      | fiber 1, 50 frames deep: i = 1, x = 102 |
      | 2     | log      | fiber 2, 50 frames deep: i = 1, x = 202 |
      | 1     | log      | fiber 1, 50 frames deep: i = 2, x = 103 |
      | 1     | finished |                                         |
      | 2     | log      | fiber 2, 50 frames deep: i = 2, x = 203 |
      | 2     | finished |                                         |

  @FB-18 @requires:stack-guard @requires:configurable-stack-size @id:fb.stack-overflow-is-contained
  Scenario: A fiber that exhausts its stack fails with StackOverflow, and the others go on
    Given a fiber runtime with stacks of 256 KiB
    When the base context runs:
      """
      spawn:
        let guard = 42
        nested 20 frames deep:
          yield
          check guard == 42
        log "fiber {id}: my locals are intact"
      spawn:
        log "fiber {id} recurses until its stack is exhausted"
        exhaust the stack with 1024-byte frames
        log "not logged: the overflow ended fiber 2's program"
      spawn:
        spawn:
          log "a new fiber {id} runs in the failed fiber's slot"
        yield
        log "fiber {id} runs on"
      """
    Then the trace is:
      | fiber | event    | detail                                        |
      | 0     | spawned  | 1                                             |
      | 0     | spawned  | 2                                             |
      | 0     | spawned  | 3                                             |
      | 2     | log      | fiber 2 recurses until its stack is exhausted |
      | 2     | error    | StackOverflow                                 |
      | 2     | finished |                                               |
      | 3     | spawned  | 2                                             |
      | 1     | log      | fiber 1: my locals are intact                 |
      | 1     | finished |                                               |
      | 2     | log      | a new fiber 2 runs in the failed fiber's slot |
      | 2     | finished |                                               |
      | 3     | log      | fiber 3 runs on                               |
      | 3     | finished |                                               |

  # A million switches through deep stacks; the trace stays small: one spawned and one finished
  # entry a fiber, and a check entry for every count that went wrong.
  @FB-22 @requires:configurable-slots @requires:configurable-stack-size @id:fb.ten-thousand-fibers
  Scenario: Ten thousand fibers each yield 100 times from 50 frames deep
    Given a fiber runtime with 10001 slots and stacks of 256 KiB
    When the base context runs, which may take up to 60 s:
      """
      for n in 0..10000:
        spawn:
          let yields = 0
          nested 50 frames deep:
            for i in 0..100:
              yield
              yields += 1
            check yields == 100
          check yields == 100
      """
    Then no check failed and no instruction failed
    And the base context spawned fibers 1 to 10000, in that order
    And fibers 1 to 10000 finished, in that order
    And the trace has 20000 entries
