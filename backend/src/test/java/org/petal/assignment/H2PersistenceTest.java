package org.petal.assignment;

import org.petal.support.PetalTest;

/** The persistence contract on the default embedded database: H2 in a file under the data directory. */
@PetalTest
class H2PersistenceTest extends PersistenceContract {}
