"""A simulated court: reads its filings topic, answers on its rulings topic."""
