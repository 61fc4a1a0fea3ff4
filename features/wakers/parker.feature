@area:wakers @ch8
Feature: The parker
  The executor sleeps on a parker, the book's `park` / `unpark` with a single permit: `park` waits
  until `unpark` is called, unless an `unpark` came first and left the permit; the permit does not
  add up. The runner parks its request thread, and asks for another thread to unpark it later.

  @WK-18 @id:wk.park-waits-until-another-thread-unparks
  Scenario: park waits until another thread unparks
    Given a parker
    When I park on the parker while another thread unparks it after 200 ms
    Then the park lasted at least 80% of 200 ms

  @WK-18 @id:wk.two-unparks-before-a-park-leave-one-permit @timing
  Scenario: Two unparks before a park leave one permit, not two
    Given a parker
    When I unpark the parker
    And I unpark the parker
    And I park on the parker
    And I park on the parker while another thread unparks it after 300 ms
    Then the first park took less than a third of the time of the second
    And the park lasted at least 80% of 300 ms
