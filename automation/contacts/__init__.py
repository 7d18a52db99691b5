"""Citizens the city may message, their consent per channel and their subscriptions."""
