@area:coroutines @ch7
Feature: The http leaf
  The book's `Http::get`: its first poll connects to the delay server, sends the request and returns
  Pending without waiting for the answer. Every later poll reads what has arrived, without
  blocking, and it is Ready with the response's body once the server has closed the connection.

  @CO-11 @CO-12 @id:co.http-leaf-sends-once-then-reads-without-blocking @timing
  Scenario: The first poll sends the request; later polls read without blocking until the response is complete
    Given a coroutine with this program:
      """
      wait for http "/300/HelloWorld" into response
      return "{response}"
      """
    When I poll the coroutine
    # CO-11
    Then the coroutine is Pending
    # CO-11
    And the poll took less than half of the 300 ms delay
    When I poll the coroutine
    # CO-12
    Then the coroutine is Pending
    # CO-12
    And the poll took less than half of the 300 ms delay
    When I poll the coroutine every 20 ms until it is Ready
    # CO-12
    Then the coroutine is Ready with "HelloWorld"
    # CO-11
    And the delay server has received exactly the request for HelloWorld

  @CO-12 @id:co.http-leaf-keeps-every-read-of-a-response-in-pieces
  Scenario: A response that arrives in many small pieces is Ready with the whole body, read over several polls
    The delay server's `split` route writes the body two bytes at a time, 2 ms apart, so the polls
    read it in many pieces: the leaf must keep what each of them read.

    Given a coroutine with this program:
      """
      wait for http "/20/EveryPieceOfAResponseThatArrivesInManySmallReadsIsKeptUntilTheServerClosesTheConnection/split/2" into response
      return "{response}"
      """
    When I poll the coroutine every 20 ms until it is Ready
    # CO-12
    Then the coroutine is Ready with "EveryPieceOfAResponseThatArrivesInManySmallReadsIsKeptUntilTheServerClosesTheConnection"
