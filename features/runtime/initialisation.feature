@area:runtime @ch10
Feature: The runtime is initialised once per process
  `rt.init` starts the runtime's reactor (the book's `runtime::init`); the leaves that need it find it
  through a global. The book's runtime is a once-cell: a second start fails, and the first runtime goes
  on working.

  @RT-02 @id:rt.an-http-leaf-needs-the-initialised-runtime
  Scenario: An http leaf polled before the runtime is initialised fails its run; once initialised, it works
    When block_on runs this program:
      """
      wait for http "/10/early" into x
      """
    Then block_on fails with NotInitialised
    When the runtime is initialised
    And block_on on "after-init" runs this program:
      """
      wait for http "/10/late" into x
      log "{x}"
      """
    Then block_on on "after-init" returns
    And block_on on "after-init" logged, in order:
      """
      late
      """

  @RT-15 @id:rt.a-second-init-fails-and-leaves-the-first-runtime-working
  Scenario: A second initialisation fails with AlreadyRunning and leaves the first runtime working
    Given the runtime is initialised
    Then initialising the runtime again fails with AlreadyRunning
    When block_on runs this program:
      """
      wait for http "/50/still-working" into x
      log "{x}"
      """
    Then block_on returns
    And block_on logged, in order:
      """
      still-working
      """
