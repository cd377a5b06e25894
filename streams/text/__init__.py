"""Pure text functions: normalisation, cleaning, language ID, fingerprints. No Kafka here."""
