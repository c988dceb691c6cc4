"""The *Réunions* tab, a meeting's window (agenda, invitations, debate
summaries, decisions), the sign-in screen and the open actions."""
