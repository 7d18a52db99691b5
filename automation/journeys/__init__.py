"""Journeys editors define (trigger, conditions, versioned steps) and the runtime that runs them."""
