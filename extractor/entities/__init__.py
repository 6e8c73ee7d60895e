"""Extract stage, entities: people, positions, regions, places, facilities, organisations."""
