@area:runtime @ch10
Feature: Responses that arrive in pieces
  The book's leaf reads into a 147-byte buffer, so a response may take several reads and wake-ups.
  The delay server's `split` route writes the body a few bytes at a time, 2 ms apart.

  Background:
    Given the runtime is initialised

  @RT-13 @id:rt.a-response-in-many-small-reads-completes-once
  Scenario: A response that arrives in many small pieces completes exactly once, with the whole body
    When block_on runs this program:
      """
      wait for http "/20/AResponseThatArrivesInManySmallPiecesAndStillCompletesExactlyOnceWithTheWholeBody/split/4" into body
      log "{body}"
      """
    Then block_on returns
    And block_on logged, in order:
      """
      AResponseThatArrivesInManySmallPiecesAndStillCompletesExactlyOnceWithTheWholeBody
      """
    And every leaf of block_on was ready exactly once
