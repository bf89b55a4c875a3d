package org.petal.users;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<PetalUser, Long> {

    Optional<PetalUser> findByUsername(String username);
}
