"""Pure event extraction: gazetteer, actors, triggers, dates, coder. No Kafka here."""
