// The REST and pipeline classes each start a whole host (silo, MQTT broker, Kestrel): run the classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
