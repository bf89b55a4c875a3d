package org.petal.assignment;

import org.petal.support.PetalTest;

/** {@link LeadToolsBenchmark} on the default embedded database (H2 in a file). */
@PetalTest
class H2LeadToolsBenchmark extends LeadToolsBenchmark {

    @Override
    String database() {
        return "H2 file";
    }
}
