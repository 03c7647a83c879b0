"""The bureau hub (mediation-bureau): the city bureau's server that stations sync with. No Qt."""
