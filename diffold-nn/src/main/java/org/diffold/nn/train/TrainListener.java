package org.diffold.nn.train;

/** Progress callbacks of a {@link Trainer}; all methods are optional and run on the training thread. */
public interface TrainListener {
    /** After optimiser step {@code step} (1-based count of steps done) with its loss and learning rate. */
    default void onStep(int step, double loss, double lr) {}

    /** After an evaluation. */
    default void onEvaluation(TrainingHistory.EvalRecord record) {}

    /** After a checkpoint was written. */
    default void onCheckpoint(int step, java.nio.file.Path file) {}

    /** A listener that does nothing. */
    TrainListener NONE = new TrainListener() {};
}
