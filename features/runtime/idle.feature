@area:runtime @ch10
Feature: An idle runtime sleeps in the operating system
  While every task waits, the executor parks its thread and the reactor waits in the event queue:
  the adapter's process uses almost no CPU (the adapter reports its own CPU time, `rt.cpu_time`).

  Background:
    Given the runtime is initialised

  @RT-12 @id:rt.an-idle-runtime-uses-almost-no-cpu
  Scenario: While every task waits, the adapter uses less than a tenth of a second of CPU a second
    When block_on runs this program:
      """
      spawn child a:
        wait for leaf A
      wait for leaf B
      """
    And block_on has gone to sleep with 2 pending tasks
    And I read the adapter's CPU time before and after giving block_on 1000 ms
    Then the adapter used less than 10% of that window on the CPU
