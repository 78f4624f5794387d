// One Mosquitto for the assembly and external tools: nothing runs in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
