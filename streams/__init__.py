"""diplo-streams: raw scraped news in, structured diplomatic events out, over Kafka."""

__version__ = "0.1.0"
