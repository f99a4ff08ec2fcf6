package org.diffold.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.diffold.lab.engine.CellRecipe;
import org.diffold.lab.engine.CellResult;
import org.diffold.lab.engine.CellSpec;
import org.diffold.lab.engine.CellTask;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * What an executor runs for one partition: the partition holds one group of cells, computed with {@link
 * CellTask#computeGroup}. Carries only the recipe, so nothing of the driver's state travels with it.
 */
final class GroupTask extends AbstractFunction2<TaskContext, Iterator<List<CellSpec>>, List<CellResult>>
        implements Serializable {

    private static final long serialVersionUID = 1L;
    private final CellRecipe recipe;

    GroupTask(CellRecipe recipe) {
        this.recipe = recipe;
    }

    @Override
    public List<CellResult> apply(TaskContext context, Iterator<List<CellSpec>> groups) {
        List<CellResult> out = new ArrayList<>();
        while (groups.hasNext()) {
            out.addAll(CellTask.computeGroup(recipe, groups.next()));
        }
        return out;
    }
}
