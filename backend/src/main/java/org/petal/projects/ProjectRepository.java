package org.petal.projects;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<Project, Long> {

    boolean existsByName(String name);
}
