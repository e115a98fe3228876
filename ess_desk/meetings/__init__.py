"""Meetings: the yearly schedule, agendas, notices, attendance, proxies, quorum and votes."""
