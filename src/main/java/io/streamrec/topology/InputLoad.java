package io.streamrec.topology;

/**
 * Whether the user side's input is behind: its events wait longer than a list should. The app
 * tells it from its consumers' lag; the topology only asks, and then lets refreshes yield to
 * learning ({@link RefreshPolicy#behindShare}).
 */
@FunctionalInterface
public interface InputLoad {
    /** For a topology nobody watches (TopologyTestDriver, tools): never behind. */
    InputLoad KEEPING_UP = () -> false;

    boolean behind();
}
