package dev.ack.benchmarks;

import java.util.concurrent.locks.LockSupport;

/**
 * A baton two threads pass back and forth: each waits (parked) for its turn, hands the turn to the
 * other and wakes it. On virtual threads, every pass is one switch of the scheduler's carrier from
 * one thread to the other: the JDK's peer of a fiber's yield.
 */
final class Baton {
    private final Thread[] players = new Thread[2];
    private volatile int turn;

    /** Two virtual threads pass the baton {@code passes} times in all, then end; returns when both have. */
    static void passBetweenTwoVirtualThreads(int passes) throws InterruptedException {
        Baton baton = new Baton();
        for (int player = 0; player < 2; player++) {
            int me = player;
            baton.players[me] = Thread.ofVirtual().unstarted(() -> baton.play(me, passes / 2));
        }
        for (Thread player : baton.players) player.start();
        for (Thread player : baton.players) player.join();
    }

    private void play(int me, int passes) {
        int other = 1 - me;
        for (int pass = 0; pass < passes; pass++) {
            while (turn != me) LockSupport.park();
            turn = other;
            LockSupport.unpark(players[other]);
        }
    }
}
