"""The *Projets* tab, its project form and dialogs, and the projects of a meeting."""

from conseil_desktop.ui.projects.meeting_projects import (
    MeetingProjectsDialog,
    show_meeting_projects,
)
from conseil_desktop.ui.projects.tab import ProjectsTab

__all__ = ["MeetingProjectsDialog", "ProjectsTab", "show_meeting_projects"]
