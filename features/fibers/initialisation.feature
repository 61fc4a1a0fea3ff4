@area:fibers @ch5
Feature: A runtime must exist before it is used
  The book reaches its runtime through a global pointer that init sets; yielding or spawning before
  that dereferences nothing. Here the adapter calls yield or spawn on a thread where no runtime was
  initialised, and the implementation must say so with an error.

  @FB-17 @requires:runtime-check @id:fb.call-without-a-runtime
  Scenario Outline: Calling <call> with no runtime initialised fails with NotInitialised
    When I call <call> with no runtime initialised
    Then the call fails with NotInitialised

    Examples:
      | call  |
      | yield |
      | spawn |
