// Every test class here starts or shares a whole host (silo, MQTT broker, Kestrel): run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
