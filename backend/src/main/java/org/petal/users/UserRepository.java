package org.petal.users;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<PetalUser, Long> {

    Optional<PetalUser> findByUsername(String username);

    /** Rows of (id, username, display name): without the roles, so one query for any number of users. */
    @Query("select u.id, u.username, u.displayName from PetalUser u where u.id in :ids")
    List<Object[]> namesOf(@Param("ids") Collection<Long> ids);

    @Query("select u.id from PetalUser u join u.roles r where r = :role and u.id in :ids")
    List<Long> holding(@Param("role") Role role, @Param("ids") Collection<Long> ids);
}
