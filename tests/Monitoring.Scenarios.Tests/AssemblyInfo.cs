// The host's virtual clock is the whole host's: scenarios and clock tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
