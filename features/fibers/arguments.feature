@area:fibers @ch5
Feature: Runtime arguments and malformed programs
  A runtime needs at least one slot and stacks of at least one byte, and the implementation rejects
  less with InvalidArgument (protocol.md §6, §10). A program is checked whole when fb.run hands it
  over: a negative count, or an instruction the protocol does not know, is a BadRequest, and nothing
  of such a program runs. Malformed programs are written out as the protocol's JSON.

  @FB-23 @requires:configurable-slots @id:fb.a-runtime-with-fewer-than-one-slot-is-an-invalid-argument
  Scenario Outline: A runtime with <slots> slots is an InvalidArgument
    When I try to create a fiber runtime with <slots> slots
    # FB-23.2
    Then the call fails with InvalidArgument

    Examples:
      | slots |
      | 0     |
      | -1    |

  @FB-24 @requires:configurable-stack-size @id:fb.a-runtime-with-stacks-of-fewer-than-one-byte-is-an-invalid-argument
  Scenario Outline: A runtime with stacks of <bytes> bytes is an InvalidArgument
    When I try to create a fiber runtime with stacks of <bytes> bytes
    # FB-24.2
    Then the call fails with InvalidArgument

    Examples:
      | bytes |
      | 0     |
      | -1    |

  # 20 frames fit a stack of 16 KiB; 300 need more in every implementation of the kit (about 100
  # bytes a frame, or more) and far less than the book's 2 MiB.
  @FB-24 @requires:configurable-stack-size @requires:stack-guard @id:fb.a-call-chain-that-fits-2-mib-overflows-a-stack-of-16-kib
  Scenario: A call chain that fits the book's 2 MiB stacks overflows a stack of 16 KiB
    Given a fiber runtime with stacks of 16 KiB
    When the base context runs:
      """
      spawn:
        nested 20 frames deep:
          log "fiber {id} fits 20 frames"
      spawn:
        nested 300 frames deep:
          log "not logged: 300 frames do not fit 16 KiB"
      """
    # FB-24.3
    Then the trace is:
      | fiber | event    | detail                    |
      | 0     | spawned  | 1                         |
      | 0     | spawned  | 2                         |
      | 1     | log      | fiber 1 fits 20 frames    |
      | 1     | finished |                           |
      | 2     | error    | StackOverflow             |
      | 2     | finished |                           |

  @FB-25 @id:fb.a-negative-count-in-a-program-is-a-badrequest
  Scenario Outline: A program with a negative <count> is a BadRequest
    Given a fiber runtime
    When I try to run the program:
      """
      [<instruction>]
      """
    # FB-25.1
    Then the call fails with BadRequest

    Examples:
      | count       | instruction                                                   |
      | times       | {"do": "repeat", "times": -1, "var": "i", "body": []}         |
      | depth       | {"do": "nested", "depth": -1, "body": []}                     |
      | iterations  | {"do": "spin", "iterations": -1}                              |
      | frame_bytes | {"do": "exhaust_stack", "frame_bytes": -1}                    |

  @FB-25 @id:fb.an-unknown-instruction-is-a-badrequest
  Scenario: A program with an instruction the protocol does not know is a BadRequest
    Given a fiber runtime
    When I try to run the program:
      """
      [{"do": "sleep", "ms": 10}]
      """
    # FB-25.1
    Then the call fails with BadRequest

  @FB-25 @id:fb.nothing-of-a-rejected-program-runs
  Scenario: Nothing of a rejected program runs, not even what comes before the fault
    Given a fiber runtime
    When I try to run the program:
      """
      [{"do": "log", "text": "not logged: the program was rejected"},
       {"do": "spawn", "body": [{"do": "log", "text": "not logged: fiber {id} was never spawned"}]},
       {"do": "repeat", "times": -1, "var": "i", "body": []}]
      """
    # FB-25.1
    Then the call fails with BadRequest
    When the base context runs:
      """
      log "the next program runs alone"
      """
    # FB-25.2
    Then the trace is:
      | fiber | event | detail                      |
      | 0     | log   | the next program runs alone |
