@area:wakers @ch8
Feature: The chapter's demonstrations: a reactor, an executor or twelve, and the delay server
  Now nobody polls in a loop: the executor sleeps until the reactor wakes a task whose response has
  arrived. The programs are the book's: two requests one after the other; five requests spawned as
  tasks; and the same program on twelve executor threads ("main", "exec-1" … "exec-11") sharing one
  reactor. Tasks woken while the executor sleeps may be polled in any order when it wakes up (the
  book's queue is LIFO), so the lines of one wake-up may come in any order.

  Background:
    Given the reactor is running

  @WK-01 @WK-11 @id:wk.book-two-sequential-requests
  Scenario: Two requests one after the other (ch08/b-reactor-executor)
    When the executor runs this program:
      """
      log "Program starting"
      wait for http "/300/HelloWorld1" into first
      log "{first}"
      wait for http "/200/HelloWorld2" into second
      log "{second}"
      """
    # WK-01
    Then the run finishes with ""
    # WK-01
    And the run logged, in order:
      """
      Program starting
      HelloWorld1
      HelloWorld2
      """
    # WK-11
    And the executor slept with 1 pending task, in that order
    # WK-01
    And the run took at least the sum of the delays

  @WK-08 @WK-10 @WK-11 @id:wk.book-five-spawned-requests @timing
  Scenario: Five requests spawned as tasks finish in the order of their delays, in about the longest (ch08/c-reactor-executor)
    When the executor runs this program:
      """
      log "Program starting"
      spawn child request0:
        wait for http "/500/HelloWorld0" into response
        log "{response}"
      spawn child request1:
        wait for http "/400/HelloWorld1" into response
        log "{response}"
      spawn child request2:
        wait for http "/300/HelloWorld2" into response
        log "{response}"
      spawn child request3:
        wait for http "/200/HelloWorld3" into response
        log "{response}"
      spawn child request4:
        wait for http "/100/HelloWorld4" into response
        log "{response}"
      """
    # WK-08
    Then the run finishes with ""
    # WK-08
    And the run logged, in order except within one wake-up:
      """
      Program starting
      HelloWorld4
      HelloWorld3
      HelloWorld2
      HelloWorld1
      HelloWorld0
      """
    # WK-11
    And the executor slept with 5, 4, 3, 2 and 1 pending tasks, in that order
    # WK-10
    And no task was polled after it finished
    # WK-08
    And the run took at least the longest delay but less than 60% of the sum of the delays

  @WK-15 @WK-16 @id:wk.book-twelve-executors-one-reactor @timing
  Scenario: Twelve executors on twelve threads share one reactor (ch08/d-multiple-threads)
    When 12 executors each run this program:
      """
      spawn child request0:
        wait for http "/1600/HelloWorld0" into response
        log "{response}"
      spawn child request1:
        wait for http "/1200/HelloWorld1" into response
        log "{response}"
      spawn child request2:
        wait for http "/800/HelloWorld2" into response
        log "{response}"
      spawn child request3:
        wait for http "/400/HelloWorld3" into response
        log "{response}"
      spawn child request4:
        wait for http "/0/HelloWorld4" into response
        log "{response}"
      """
    # WK-15
    Then every run finishes with ""
    # WK-15
    And every run logged, in order except within one wake-up:
      """
      HelloWorld4
      HelloWorld3
      HelloWorld2
      HelloWorld1
      HelloWorld0
      """
    # WK-16
    And every run's entries name its own executor
    # WK-15
    And every run took at least the longest delay but less than 80% of the sum of its delays
